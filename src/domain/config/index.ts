export { type AppConfig } from './app-config-schema';
export { parseConfig, parseStoredConfig, type ConfigError } from './parse-config';
export { configForProject, type ProjectConfig } from './project-config';
export { settingsSchema, type Settings } from './settings-schema';
