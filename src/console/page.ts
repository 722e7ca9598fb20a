// The one HTML page of the console: a shell that loads the front end's script and stylesheet.
// Everything else (login included) is drawn by the script; the page works without PONTE_ADMIN_TOKEN
// too, to say how to enable the console.
export function consolePage(): string {
  return `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Ponte · Console</title>
<link rel="stylesheet" href="/console/assets/app.css">
<script type="module" src="/console/assets/app.js"></script>
</head>
<body>
<div id="app"><noscript>O console do Ponte precisa de JavaScript.</noscript></div>
</body>
</html>
`;
}

/** Headers of every console answer: no framing, no inline scripts, nothing from elsewhere. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
