/** The wall screen's words. */
export const wall = {
  vi: { title: '' },
  en: { title: '' },
};
