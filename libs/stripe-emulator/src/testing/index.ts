// Test support for the emulator's own specs; imported by tests only (never by production code).
export * from './harness.js';
