export { defaultConfig, type AppConfig } from './app-config-schema';
export { parseConfig, type ConfigError, type ValidationRule } from './parse-config';
export { configForProject, type ProjectConfig } from './project-config';
export { settingsSchema, type Settings } from './settings-schema';
