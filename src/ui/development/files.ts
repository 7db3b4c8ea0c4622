/** Downloads (JSON export, runs CSV, set-aside data) and reading an import file. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const stamp = (iso: string): string => iso.slice(0, 10);

export function readFileText(file: File): Promise<string> {
  return file.text();
}
