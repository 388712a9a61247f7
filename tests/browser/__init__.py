"""Browser tests (Playwright and Chromium); a package, so the `chromium` fixture (package scope) closes when they end."""
