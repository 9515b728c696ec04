/**
 * The stylesheet of the problem panel and page (problem-overlay.ts), served
 * at OVERLAY_STYLESHEET_PATH. The panel is fixed to the bottom of the
 * window: a reloaded page keeps its scroll position, and a panel at the top
 * of the page would be out of sight. Every rule is scoped to the panel's
 * classes and resets what a site's stylesheet may have set on its elements.
 */
export const OVERLAY_STYLESHEET = `.broadsheet-problems, .broadsheet-problems * {
  all: revert;
  box-sizing: border-box;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 15px;
  line-height: 1.45;
  color: #1d1d1f;
}
.broadsheet-problems {
  position: fixed;
  inset: auto 0 0 0;
  z-index: 2147483647;
  max-height: 50vh;
  overflow: auto;
  margin: 0;
  padding: 0.6rem 1rem;
  background: #fff8e1;
  border-top: 4px solid #b26a00;
  box-shadow: 0 -2px 12px rgb(0 0 0 / 25%);
}
.broadsheet-problems.broadsheet-problems-failed {
  background: #fdecea;
  border-top-color: #b3261e;
}
.broadsheet-problems summary {
  cursor: pointer;
  font-weight: 700;
}
.broadsheet-problems ol {
  margin: 0.5rem 0;
  padding-left: 1.5rem;
}
.broadsheet-problems li {
  margin: 0.35rem 0;
}
.broadsheet-problems code, .broadsheet-problems-file {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 14px;
  /* One click selects the whole path, ready to copy into an editor. */
  user-select: all;
  overflow-wrap: anywhere;
}
.broadsheet-problems-error .broadsheet-problems-severity {
  color: #b3261e;
  font-weight: 700;
}
.broadsheet-problems-warning .broadsheet-problems-severity {
  color: #8a5300;
  font-weight: 700;
}
.broadsheet-problems-hint {
  display: block;
  color: #444;
}
.broadsheet-problems-note {
  margin: 0.4rem 0 0;
  color: #444;
}
body.broadsheet-problem-page {
  margin: 0;
}
body.broadsheet-problem-page .broadsheet-problems {
  position: static;
  max-height: none;
  max-width: 60rem;
  margin: 2rem auto;
  padding: 1rem 1.5rem;
  box-shadow: none;
  border-top: 0;
  background: transparent;
}
body.broadsheet-problem-page h1 {
  font-size: 1.6rem;
  margin: 0 0 1rem;
}
`;
