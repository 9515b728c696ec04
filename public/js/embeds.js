// Swaps an embed's facade (a link to the original) for its frame on a click,
// only for the origins the template allows this page (the CSP's frame-src).
(() => {
  const origins = (document.currentScript?.dataset.frameOrigins ?? '').split(' ');
  const base = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
  // By data-embed-kind: [sandbox, allow].
  const rules = {
    video: [`${base} allow-presentation`, 'fullscreen; picture-in-picture; encrypted-media'],
    audio: [base, 'encrypted-media'],
    post: [base, ''],
    chart: [base, 'fullscreen'],
    map: [base, 'fullscreen'],
    other: [`${base} allow-presentation`, 'fullscreen'],
  };
  for (const box of document.querySelectorAll('.embed[data-embed-src]')) {
    const link = box.querySelector('a.embed-link');
    const rule = rules[box.dataset.embedKind];
    let src;
    try {
      src = new URL(box.dataset.embedSrc);
    } catch {
      continue;
    }
    if (!link || !rule || src.protocol !== 'https:' || !origins.includes(src.origin)) continue;
    const provider = box.querySelector('.embed-provider').textContent;
    const action = link.querySelector('.embed-action');
    action.textContent = `Load it here (content from ${provider})`;
    link.addEventListener('click', (event) => {
      // Clicks for a new tab, and any once the frame is there, open the original.
      if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || box.querySelector('iframe')) return;
      event.preventDefault();
      const frame = document.createElement('iframe');
      frame.className = 'embed-frame';
      frame.title = box.querySelector('.embed-title').textContent;
      frame.loading = 'lazy';
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.setAttribute('sandbox', rule[0]);
      frame.allow = rule[1];
      frame.src = src.href;
      action.textContent = `Open on ${provider}`;
      link.classList.add('embed-original');
      link.before(frame);
      frame.focus();
    });
  }
})();
