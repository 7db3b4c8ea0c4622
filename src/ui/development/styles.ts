/** The development screens' styles: the game's tokens and the screens' own rules, print included; added once. */
import tokens from '../tokens.css?raw';
import css from './development.css?raw';

export function ensureStyles(): void {
  if (document.getElementById('htl-development-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'htl-development-styles';
  style.textContent = `${tokens}\n${css}`;
  document.head.append(style);
}
