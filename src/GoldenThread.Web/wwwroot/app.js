// Marks the page as able to run GOV.UK Frontend's JavaScript (kept out of an inline script so the Content-Security-Policy
// can forbid inline scripts), then starts its components. Everything works without JavaScript too.
import { initAll } from './govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
