export { Environment, readEnvironment, ConfigurationError } from './environment.js';
export { AppConfig, type ResolvedServices } from './app-config.js';
