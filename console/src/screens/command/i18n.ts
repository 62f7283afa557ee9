/** The command screen's words. */
export const command = {
  vi: { title: '' },
  en: { title: '' },
};
