/** The dispatch screen's words. */
export const dispatch = {
  vi: { title: '' },
  en: { title: '' },
};
