/** The coordination screen's words. */
export const coordination = {
  vi: { title: '' },
  en: { title: '' },
};
