// The vendor's partner-programme dashboard: figures from the services' APIs through the gateway,
// and the live stream of status changes (Server-Sent Events, resumed by the browser itself).
(function () {
  'use strict';

  const STATUSES = ['APPLICANT', 'PARTNER_START', 'PARTNER', 'EXPERT', 'REPRESENTATIVE'];
  const money = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat('ru-RU');
  const time = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Moscow' });
  const $ = (id) => document.getElementById(id);

  function roubles(kopecks) {
    return money.format(kopecks / 100);
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  // --- the token: from the address (#token=...), kept for this tab only ---
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromAddress) {
    sessionStorage.setItem('platform-token', fromAddress);
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem('platform-token');

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('platform-token', $('token-input').value.trim());
    location.reload();
  });

  if (!token) {
    $('sign-in').hidden = false;
    return;
  }
  $('board').hidden = false;

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
    if (response.status === 401) {
      sessionStorage.removeItem('platform-token');
      $('sign-in').hidden = false;
      $('board').hidden = true;
      throw new Error('the token was refused');
    }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
      throw new Error(detail);
    }
    return response.json();
  }

  // --- charts: plain SVG bars, labelled, no library ---
  function horizontalBars(container, items, format) {
    const max = Math.max(1, ...items.map((item) => item.value));
    const row = 28, labelWidth = 130, width = 520, barSpace = width - labelWidth - 90;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${items.length * row + 4}`);
    items.forEach((item, index) => {
      const y = index * row + 4;
      const label = svgNode('text', { x: 0, y: y + 15 });
      label.textContent = item.label;
      const bar = svgNode('rect', { x: labelWidth, y, height: 20, rx: 3, width: Math.max(2, barSpace * item.value / max),
        class: item.value === 0 ? 'bar zero' : 'bar' });
      bar.append(svgTitle(item.label + ': ' + format(item.value)));
      const value = svgNode('text', { x: labelWidth + Math.max(2, barSpace * item.value / max) + 6, y: y + 15, class: 'muted' });
      value.textContent = format(item.value);
      svg.append(label, bar, value);
    });
    container.replaceChildren(svg);
  }

  function columns(container, items, format) {
    const max = Math.max(1, ...items.map((item) => item.value));
    const height = 180, width = 520, gap = 24;
    const columnWidth = items.length ? Math.min(90, (width - gap * (items.length + 1)) / items.length) : 0;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height + 40}`);
    items.forEach((item, index) => {
      const x = gap + index * (columnWidth + gap);
      const h = Math.max(2, (height - 20) * item.value / max);
      const bar = svgNode('rect', { x, y: height - h, width: columnWidth, height: h, rx: 3, class: item.value === 0 ? 'bar zero' : 'bar' });
      bar.append(svgTitle(item.label + ': ' + format(item.value)));
      const value = svgNode('text', { x, y: height - h - 5, class: 'muted' });
      value.textContent = format(item.value);
      const label = svgNode('text', { x, y: height + 16 });
      label.textContent = item.label;
      svg.append(bar, value, label);
    });
    if (!items.length) {
      const none = svgNode('text', { x: 0, y: 20, class: 'muted' });
      none.textContent = 'No sales yet this quarter';
      svg.append(none);
    }
    container.replaceChildren(svg);
  }

  function svgNode(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function svgTitle(text) {
    const title = svgNode('title', {});
    title.textContent = text;
    return title;
  }

  // --- figures ---
  async function loadStatuses() {
    try {
      const statistics = await api('/api/tier/statistics');
      $('partners-total').textContent = count.format(statistics.partners);
      horizontalBars($('by-status-chart'), STATUSES.map((status) => ({ label: status, value: statistics.partnersByStatus[status] || 0 })),
        (value) => count.format(value));
    } catch (failure) {
      $('by-status-chart').replaceChildren(element('p', { class: 'error' }, 'Partners by status: ' + failure.message));
    }
  }

  async function loadQuarter() {
    try {
      const quarter = await api('/api/sales/reports/quarter');
      $('quarter-name').textContent = quarter.quarter;
      $('quarter-net').textContent = roubles(quarter.netPartnerPriceKopecks);
      $('quarter-sales').textContent = count.format(quarter.sales);
      $('quarter-new-clients').textContent = count.format(quarter.newClients);
      $('quarter-partners').textContent = count.format(quarter.partners);
      columns($('by-month-chart'), quarter.byMonth.map((slice) => ({ label: slice.key, value: slice.netPartnerPriceKopecks })), roubles);
      horizontalBars($('sales-by-status-chart'), quarter.byStatus.map((slice) => ({ label: slice.key, value: slice.netPartnerPriceKopecks })),
        roubles);
      $('top-partners').tBodies[0].replaceChildren(...quarter.topPartners.map((slice) => element('tr', {},
        element('td', {}, element('code', {}, slice.key)), element('td', {}, count.format(slice.sales)),
        element('td', {}, roubles(slice.netPartnerPriceKopecks)))));
    } catch (failure) {
      $('by-month-chart').replaceChildren(element('p', { class: 'error' }, 'Sales this quarter: ' + failure.message));
    }
  }

  async function loadAtRisk() {
    try {
      const atRisk = await api('/api/tier/at-risk?limit=20');
      $('at-risk-date').textContent = atRisk.reviewDate;
      if (atRisk.partners.length) {
        $('at-risk').replaceChildren(...atRisk.partners.map((partner) => element('li', { 'data-partner': partner.partnerId },
          element('code', {}, partner.partnerId), ': ',
          element('span', { class: 'status ' + partner.status }, partner.status), ' → ',
          element('span', { class: 'status ' + partner.wouldBecome }, partner.wouldBecome),
          element('div', { class: 'rules' }, partner.conditions.filter((condition) => !condition.met)
            .map((condition) => element('span', { class: 'rule unmet' }, `${condition.ruleId}: ${condition.missing}  `))))));
      }
    } catch (failure) {
      $('at-risk').replaceChildren(element('li', { class: 'error' }, 'At risk: ' + failure.message));
    }
  }

  // the funnel of the last 30 days (lead-service's default period), as bars from received to won
  const FUNNEL = [['received', 'Received'], ['assigned', 'Assigned to a partner'], ['accepted', 'Accepted'],
    ['won', 'Won'], ['lost', 'Lost'], ['inVendorQueue', "In the vendor's queue"], ['awaitingAnswer', 'Awaiting an answer']];

  function share(part, whole) {
    return whole > 0 ? Math.round(100 * part / whole) + '%' : '–';
  }

  async function loadFunnel() {
    try {
      const funnel = await api('/api/leads/funnel');
      const day = (instant) => new Date(instant).toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' });
      $('funnel-period').textContent = day(funnel.from) + ' – ' + day(new Date(funnel.to) - 1);
      horizontalBars($('funnel-chart'), FUNNEL.map(([key, label]) => ({ label, value: funnel.total[key] })),
        (value) => count.format(value) + ' (' + share(value, funnel.total.received) + ')');
      $('funnel-by-region').tBodies[0].replaceChildren(...funnel.byRegion.map((stage) => element('tr', {},
        element('td', {}, stage.group), element('td', {}, count.format(stage.received)), element('td', {}, count.format(stage.accepted)),
        element('td', {}, count.format(stage.won)), element('td', {}, count.format(stage.lost)),
        element('td', {}, count.format(stage.inVendorQueue)), element('td', {}, share(stage.won, stage.received)))));
    } catch (failure) {
      $('funnel-chart').replaceChildren(element('p', { class: 'error' }, 'Lead funnel: ' + failure.message));
    }
  }

  function figure(unit, value) {
    return unit === 'KOPECKS' ? roubles(value) : count.format(value);
  }

  async function showProgress(partnerId) {
    const target = $('progress');
    try {
      const standing = await api('/api/tier/partners/' + encodeURIComponent(partnerId));
      const rows = standing.toNextStatus.map((requirement) => {
        const share = requirement.required > 0 ? Math.min(100, 100 * requirement.actual / requirement.required) : 100;
        return element('div', { class: 'requirement' + (requirement.met ? ' met' : '') },
          element('strong', {}, requirement.ruleId), ' ', figure(requirement.unit, requirement.actual), ' of ',
          figure(requirement.unit, requirement.required), requirement.met ? ' ✓' : '',
          requirement.missing ? element('small', {}, ' — ' + requirement.missing) : '',
          element('div', { class: 'meter' }, element('span', { style: `width: ${share.toFixed(1)}%` })));
      });
      target.replaceChildren(
        element('p', {}, 'Now ', element('span', { class: 'status ' + standing.status }, standing.status),
          standing.suspended ? [' ', element('span', { class: 'status APPLICANT' }, 'SUSPENDED')] : '',
          standing.nextStatus ? [' — next: ', element('span', { class: 'status ' + standing.nextStatus }, standing.nextStatus)]
            : ' — the top status'),
        ...rows,
        element('p', {}, element('small', {}, 'Rule set ' + standing.rulesVersion
          + (standing.nextReview ? ' · next review ' + standing.nextReview : ''))));
    } catch (failure) {
      target.replaceChildren(element('p', { class: 'error' }, failure.message));
    }
  }

  $('progress-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const partnerId = $('progress-partner').value.trim();
    if (partnerId) {
      showProgress(partnerId);
    }
  });

  // --- the live feed ---
  function explainStatusChange(change) {
    const rules = change.decidingRules.map((rule) => element('span', { class: 'rule ' + (rule.met ? 'met' : 'unmet') },
      `${rule.ruleId} ${figure(rule.unit, rule.actual)} of ${figure(rule.unit, rule.required)} ${rule.met ? '✓' : '✗'}`
      + (rule.period ? ` (${rule.period})` : '') + '  '));
    return element('li', { class: 'status-change', 'data-partner': change.partnerId },
      element('span', { class: 'when' }, time.format(new Date(change.occurredAt))),
      element('code', {}, change.partnerId), ': ',
      element('span', { class: 'status ' + change.oldStatus }, change.oldStatus), ' → ',
      element('span', { class: 'status ' + change.newStatus }, change.newStatus), ' ',
      element('small', {}, change.reason),
      element('div', { class: 'rules' }, rules, `rule set ${change.rulesVersion}`));
  }

  function explainAssignment(assignment) {
    return element('li', { class: 'lead-assignment', 'data-partner': assignment.partnerId },
      element('span', { class: 'when' }, time.format(new Date(assignment.occurredAt))),
      `Lead ${assignment.leadId} (${assignment.leadType}, ${assignment.region}) → `, element('code', {}, assignment.partnerId),
      element('div', { class: 'rules' }, `${assignment.reason} · ${(assignment.ruleIds || []).join(', ')} · respond by `
        + time.format(new Date(assignment.respondBy))));
  }

  const DECLINE_CAUSES = { DECLINED: 'declined', DEADLINE_MISSED: 'let the deadline pass', NO_LONGER_ELIGIBLE: 'is no longer eligible' };

  function explainAnswer(kind, event) {
    let what;
    if (kind === 'LeadAccepted') {
      what = `accepted lead ${event.leadId} after ${Math.round(event.responseSeconds / 60)} working minutes`;
    } else if (kind === 'LeadDeclined') {
      what = `${DECLINE_CAUSES[event.cause] || event.cause}: lead ${event.leadId}` + (event.comment ? ` (${event.comment})` : '')
        + ' goes on';
    } else {
      what = `lead ${event.leadId}: ${event.outcome}` + (event.clientAccountId ? `, client ${event.clientAccountId}` : '')
        + (event.lostReason ? ` (${event.lostReason})` : '');
    }
    return element('li', { class: 'lead-answer', 'data-partner': event.partnerId, 'data-lead': event.leadId },
      element('span', { class: 'when' }, time.format(new Date(event.occurredAt))), element('code', {}, event.partnerId), ' ', what);
  }

  function addToFeed(item) {
    const feed = $('feed');
    feed.querySelector('.empty')?.remove();
    feed.prepend(item);
    while (feed.children.length > 200) {
      feed.lastElementChild.remove();
    }
  }

  let refresh;
  function refreshFiguresSoon() {
    clearTimeout(refresh);
    refresh = setTimeout(() => { loadStatuses(); loadQuarter(); loadAtRisk(); }, 1000);
  }

  let refreshLeads;
  function refreshFunnelSoon() {
    clearTimeout(refreshLeads);
    refreshLeads = setTimeout(loadFunnel, 1000);
  }

  function connect() {
    const stream = new EventSource('/api/dashboard/stream?access_token=' + encodeURIComponent(token));
    const connection = $('connection');
    stream.addEventListener('ready', () => {
      connection.textContent = 'live';
      connection.className = 'connection live';
    });
    stream.addEventListener('PartnerStatusChanged', (event) => {
      addToFeed(explainStatusChange(JSON.parse(event.data)));
      refreshFiguresSoon();
    });
    stream.addEventListener('LeadAssigned', (event) => {
      addToFeed(explainAssignment(JSON.parse(event.data)));
      refreshFunnelSoon();
    });
    ['LeadAccepted', 'LeadDeclined', 'LeadOutcomeRecorded'].forEach((kind) => stream.addEventListener(kind, (event) => {
      addToFeed(explainAnswer(kind, JSON.parse(event.data)));
      refreshFunnelSoon();
    }));
    stream.addEventListener('unreadable', (event) => {
      const what = JSON.parse(event.data);
      addToFeed(element('li', { class: 'error' }, `An event on ${what.topic} could not be read: ${what.reason}`));
    });
    // EventSource reconnects by itself and sends the last id it saw, so nothing is missed meanwhile
    stream.onerror = () => {
      connection.textContent = 'reconnecting…';
      connection.className = 'connection reconnecting';
    };
  }

  loadStatuses();
  loadQuarter();
  loadAtRisk();
  loadFunnel();
  connect();
}());
