// <sound>: ich9 (also for an empty model) or ac97 (compute/sound.go).

import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { userAlias } from '../device-settings.js';

const SOUND_MODELS: Readonly<Record<string, string>> = { '': 'ich9', ich9: 'ich9', ac97: 'ac97' };

export const configureSound: Configurator = (ctx, domain) => {
  const sound = ctx.vmi.spec.domain.devices.sound;
  if (!sound) return;
  const model = SOUND_MODELS[sound.model ?? ''];
  if (model === undefined) return `invalid model: ${sound.model}`;
  domain.devices.sound.push(el('sound', { model }, [el('alias', { name: userAlias(sound.name) })]));
  return undefined;
};
