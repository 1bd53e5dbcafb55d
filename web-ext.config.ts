import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would launch a browser and die on machines without a display; `npm run demo` opens one itself.
export default defineWebExtConfig({
  disabled: true,
});
