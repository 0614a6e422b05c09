// The ML Council platform's name in the header, the page title and on the login page.
export default {
  app: {
    name: 'Welcome',
    vendor: 'ML Council'
  }
};
