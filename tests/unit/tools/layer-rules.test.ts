import { describe, expect, it } from 'vitest';
import { findLayerViolations, importSpecifiers } from '../../../tools/layers/layer-rules.ts';

const rulesFor = (path: string, text: string) => findLayerViolations([{ path, text }]).map((v) => v.specifier);

describe('the layer rule', () => {
  it('reads static, re-export, side-effect and dynamic imports with their lines', () => {
    const text = "import { a } from './a.ts';\nexport { b } from '../b.ts';\nimport 'phaser';\nconst c = await import('howler');";
    expect(importSpecifiers(text)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '../b.ts', line: 2 },
      { specifier: 'phaser', line: 3 },
      { specifier: 'howler', line: 4 },
    ]);
  });

  it('keeps the core free of Phaser, Howler, node:* and the layers above it', () => {
    expect(rulesFor('src/core/x.ts', "import Phaser from 'phaser';")).toEqual(['phaser']);
    expect(rulesFor('src/core/x.ts', "import { Howl } from 'howler';")).toEqual(['howler']);
    expect(rulesFor('src/core/x.ts', "import { readFileSync } from 'node:fs';")).toEqual(['node:fs']);
    expect(rulesFor('src/core/x.ts', "import { load } from '../scenario/load.ts';")).toEqual(['../scenario/load.ts']);
    expect(rulesFor('src/core/x.ts', "import { setup } from 'xstate';\nimport { z } from 'zod';\nimport { a } from '../shared/a.ts';")).toEqual([]);
  });

  it('keeps the scenario pipeline pure too, and lets it use the core and yaml', () => {
    expect(rulesFor('src/scenario/x.ts', "import { parse } from 'yaml';\nimport { a } from '../core/a.ts';")).toEqual([]);
    expect(rulesFor('src/scenario/x.ts', "import { join } from 'node:path';")).toEqual(['node:path']);
  });

  it('lets only the entry import the Phaser game', () => {
    expect(rulesFor('src/server/x.ts', "import { desk } from '../game/desk.ts';")).toEqual(['../game/desk.ts']);
    expect(rulesFor('src/ui/menu.ts', "import { desk } from '../game/desk.ts';")).toEqual(['../game/desk.ts']);
    expect(rulesFor('src/main.ts', "const g = import('./game/start-game.ts');")).toEqual([]);
  });

  it('keeps the screens away from the adapters: ui reaches storage, net and audio only through ports', () => {
    expect(rulesFor('src/ui/menu.ts', "import { loadSettings } from '../storage/settings.ts';")).toEqual(['../storage/settings.ts']);
    expect(rulesFor('src/ui/menu.ts', "import { api } from '../net/classroom-api.ts';")).toEqual(['../net/classroom-api.ts']);
    expect(rulesFor('src/ui/call.ts', "import type { SoundBoard } from '../audio/sound-board.ts';")).toEqual(['../audio/sound-board.ts']);
    expect(rulesFor('src/ui/call.ts', "import { Howl } from 'howler';")).toEqual(['howler']);
    expect(rulesFor('src/ui/call.ts', "import type { SoundBoard } from '../core/ports/sounds.ts';")).toEqual([]);
  });

  it('lets the Phaser game see only the ports and shared types', () => {
    expect(rulesFor('src/game/scene.ts', "import type { DeskState } from '../core/ports/desk.ts';\nimport type { RunLog } from '../shared/call-events.ts';")).toEqual([]);
    expect(rulesFor('src/game/scene.ts', "import { score } from '../core/scoring/score.ts';")).toEqual(['../core/scoring/score.ts']);
    expect(rulesFor('src/game/scene.ts', "import { h } from '../ui/dom.ts';")).toEqual(['../ui/dom.ts']);
  });

  it('lets a page entry wire adapters in, and refuses a folder that has no layer', () => {
    expect(rulesFor('src/main.ts', "import { BROWSER_SETTINGS } from './storage/settings.ts';")).toEqual([]);
    expect(rulesFor('src/ui/classroom/join-page.ts', "import { TraineeClient } from '../../net/trainee-client.ts';")).toEqual([]);
    expect(findLayerViolations([{ path: 'src/gadgets/x.ts', text: '' }]).map((v) => v.rule)).toEqual([expect.stringContaining('no layer')]);
  });
});
