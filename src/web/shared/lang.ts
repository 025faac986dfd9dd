/**
 * The console's language: Chinese first, English when chosen (the switch in the header, or `?lang=en` from the
 * sign-in page). Kept in localStorage; every screen takes its words from `useWords`.
 */
import { computed, ref, type ComputedRef } from 'vue';

export type Lang = 'zh' | 'en';

const KEY = 'gongkai.console.lang';

function initial(): Lang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'zh') {
    localStorage.setItem(KEY, asked);
    return asked;
  }
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

export const lang = ref<Lang>(initial());

function apply(value: Lang): void {
  document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
}
apply(lang.value);

export function setLang(value: Lang): void {
  lang.value = value;
  localStorage.setItem(KEY, value);
  apply(value);
}

/** A screen's words in the current language: `{ zh: {...}, en: {...} }` with the same keys. */
export function useWords<T>(words: { zh: T; en: NoInfer<T> }): ComputedRef<T> {
  return computed(() => words[lang.value]);
}

/** Picks the label of the current language from a `{ zh, en }` pair (labels from src/core). */
export function pick(label: { zh: string; en: string }): string {
  return label[lang.value];
}
