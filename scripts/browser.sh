#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (Playwright drives /usr/bin/chromium; no browser
# download), Debian's poppler-utils for the PDF tests (pdfinfo, pdffonts, pdftotext, pdftoppm read pack.pdf),
# LibreOffice Writer without its desktop parts (the test that lays pack.docx out as a word processor does) and that
# the front-end packages (GOV.UK Frontend, axe-core) are installed. Source it or run it.
if [ ! -x /usr/bin/chromium ]; then
  echo "browser: installing Debian's chromium"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if [ ! -x /usr/bin/pdftoppm ]; then
  echo "browser: installing Debian's poppler-utils"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  fi
fi
if [ ! -x /usr/bin/soffice ]; then
  echo "browser: installing Debian's libreoffice-writer-nogui"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  fi
fi
( cd "$(dirname "${BASH_SOURCE[0]}")/../src/GoldenThread.Web/frontend" && { [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund >/dev/null; } )
export GOLDENTHREAD_CHROMIUM=/usr/bin/chromium
echo "browser: $(/usr/bin/chromium --version 2>/dev/null)"
