export { appConfigSchema, defaultConfig, type AppConfig, type AppConfigInput } from './app-config-schema';
export { parseConfig, type ConfigError, type ParseConfigResult } from './parse-config';
export { configForProject, type ProjectConfig } from './project-config';
export { settingsSchema, type Settings } from './settings-schema';
export type { DeepPartial } from './deep-merge';
