import { parseThemeModel, serialiseThemeModel, ThemeModel } from '../model/themeModel';

/** Saved themes as the text `--save-model` writes: the same model always gives the same bytes. */
export function serialiseModel(model: ThemeModel): string {
  return serialiseThemeModel(model);
}

/** Saved themes from their text, checked; a RapporteurError names the field that is wrong. */
export function parseModel(text: string, name = 'model'): ThemeModel {
  return parseThemeModel(text, name);
}
