(function () {
  // search and filters of the knowledge-base page; the same folding as clusterlib.monitoring.pages_text.fold
  var fold = function (s) {
    return s.toLocaleLowerCase('tr').replace(/[çğıiöşüâîû]/g, function (c) {
      return {'ç': 'c', 'ğ': 'g', 'ı': 'i', 'i': 'i', 'ö': 'o', 'ş': 's', 'ü': 'u', 'â': 'a', 'î': 'i', 'û': 'u'}[c];
    }).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  };
  var search = document.getElementById('kb-search');
  var kind = document.getElementById('kb-kind');
  var province = document.getElementById('kb-province');
  var sector = document.getElementById('kb-sector');
  var year = document.getElementById('kb-year');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#kb-table tr.kb-row'));
  var count = document.getElementById('kb-count');
  var template = __TEMPLATE__;
  function apply() {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    var visible = {};
    rows.forEach(function (row) {
      var text = row.getAttribute('data-text');
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      ok = ok && (!kind.value || row.getAttribute('data-kind') === kind.value);
      ok = ok && (!province.value || row.getAttribute('data-province') === province.value);
      ok = ok && (!sector.value || row.getAttribute('data-divisions').split(';').indexOf(sector.value) >= 0);
      ok = ok && (!year.value || row.getAttribute('data-year') === year.value);
      row.hidden = !ok;
      if (ok) { shown += 1; visible[row.getAttribute('data-id')] = true; }
    });
    document.querySelectorAll('.kb-marker').forEach(function (m) {
      m.style.display = visible[m.getAttribute('data-id')] ? '' : 'none';
    });
    count.textContent = template.replace('{shown}', shown).replace('{total}', rows.length);
  }
  [search, kind, province, sector, year].forEach(function (el) {
    el.addEventListener('input', apply);
    el.addEventListener('change', apply);
  });
  apply();
})();
