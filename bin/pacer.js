#!/usr/bin/env node
// Thin launcher: run the TypeScript CLI through tsx in this one process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
