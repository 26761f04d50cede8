/** The generated cookie-policy page, in English. */
export const enPolicy = {
  title: 'Cookie Policy',
};
