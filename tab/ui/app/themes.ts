import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../host/host.js';

// Teams' own mapping: app.theme "dark" and "contrast", anything else light.
export const THEMES: Readonly<Record<ThemeName, Theme>> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
