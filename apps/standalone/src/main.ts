import 'reflect-metadata';
import { runStandalone } from './run.js';

await runStandalone();
