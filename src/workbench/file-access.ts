/**
 * Opening and saving files on the trainer's computer: the File System Access API where the
 * browser has it (Chromium: save goes back to the same file), an upload field and a download
 * otherwise. Each save says in words where the file went.
 */
import { download as saveAs } from '../ui/development/files.ts';

interface PickerHandle {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

interface PickerWindow {
  showOpenFilePicker?: (options: unknown) => Promise<PickerHandle[]>;
  showSaveFilePicker?: (options: unknown) => Promise<PickerHandle>;
}

const YAML_TYPES = [{ description: 'Call files', accept: { 'text/yaml': ['.yaml', '.yml'] } }];

export interface OpenedFile {
  readonly name: string;
  readonly text: string;
}

export class DiskFiles {
  private handle: PickerHandle | null = null;

  private get picker(): PickerWindow {
    return window as unknown as PickerWindow;
  }

  /** Forgets the file on disk (a new call, or a copy from the library). */
  forget(): void {
    this.handle = null;
  }

  /** Asks for a file: the system picker, or a hidden file field. Null when the trainer cancels. */
  async open(): Promise<OpenedFile | null> {
    const pick = this.picker.showOpenFilePicker;
    if (pick !== undefined) {
      try {
        const [handle] = await pick.call(window, { types: YAML_TYPES, multiple: false });
        if (handle === undefined) return null;
        this.handle = handle;
        const file = await handle.getFile();
        return { name: file.name, text: await file.text() };
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return null;
        throw error;
      }
    }
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.yaml,.yml,.json';
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (file === undefined) return resolve(null);
        this.handle = null;
        void file.text().then((text) => resolve({ name: file.name, text }));
      });
      input.click();
    });
  }

  /** Saves `text`: to the same file when it was opened or saved with the picker, else asks where, else downloads. Says where it went. */
  async save(text: string, name: string, mime = 'text/yaml'): Promise<string | null> {
    const choose = this.picker.showSaveFilePicker;
    if (this.handle === null && choose !== undefined && mime === 'text/yaml') {
      try {
        this.handle = await choose.call(window, { suggestedName: name, types: YAML_TYPES });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return null;
        this.handle = null;
      }
    }
    if (this.handle !== null && mime === 'text/yaml') {
      const writable = await this.handle.createWritable();
      await writable.write(text);
      await writable.close();
      return `saved to the file “${this.handle.name}” on your computer (the one you chose)`;
    }
    download(text, name, mime);
    return `downloaded as “${name}” to your browser’s downloads folder`;
  }
}

/** The game's own download (src/ui/development/files.ts), with the text's charset named. */
export function download(text: string, name: string, mime: string): void {
  saveAs(name, text, `${mime};charset=utf-8`);
}
