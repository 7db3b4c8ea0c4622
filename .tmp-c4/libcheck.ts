import { readSharedLibrary } from '../src/server/knowledge-files.ts';
import { formatDiagnostic } from '../src/scenario/diagnostics.ts';
const r = readSharedLibrary();
console.log(r.diagnostics.map(formatDiagnostic).join('\n') || 'no diagnostics', r.library.articles.length);
