/**
 * Entry point of the language server: `node dist/server.js --stdio` (any LSP client) or node IPC
 * (the VS Code client). The transport is chosen from the command line by vscode-languageserver.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// All handlers are wired in lsp/startServer.ts (add new ones there).
startServer(createConnection(ProposedFeatures.all));
