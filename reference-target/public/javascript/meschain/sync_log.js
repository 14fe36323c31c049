/* Sync log (extension/module/log_viewer): filter form and pagination over log_viewer/list. */
(function (window, $, M) {
  'use strict';
  var data = M.readData('meschain-sync-log-data');
  var urls = data.urls || {};
  var $form = $('#form-log-filter');
  var FIELDS = ['marketplace', 'status', 'operation', 'date_from', 'date_to'];

  function filters() {
    var out = {};
    $.each(FIELDS, function (_, name) {
      var v = $form.find('[name="' + name + '"]').val();
      if (v) out[name] = v;
    });
    return out;
  }

  function resultsText(r) {
    if (!r.total) return 'Showing 0 to 0 of 0 (0 Pages)';
    return (
      'Showing ' +
      ((r.page - 1) * r.limit + 1) +
      ' to ' +
      Math.min(r.total, r.page * r.limit) +
      ' of ' +
      r.total +
      ' (' +
      r.pages +
      ' Pages)'
    );
  }

  function pageLink(page, text, label, active, f) {
    var $a = $('<a></a>')
      .attr('href', M.withParams(urls.page, $.extend({}, f, { page: page })))
      .attr('data-page', page)
      .text(text);
    if (label) $a.append($('<span class="sr-only"></span>').text(' ' + label));
    if (active) $a.attr('aria-current', 'page');
    return $('<li></li>').toggleClass('active', !!active).append($a);
  }

  function renderPager(r, f) {
    var $pager = $('#sync-log-pager').empty();
    if (r.pages <= 1) return;
    if (r.page > 1)
      $pager.append(pageLink(1, '|<', 'first page', false, f), pageLink(r.page - 1, '<', 'previous page', false, f));
    var from = Math.max(1, Math.min(r.page - 4, r.pages - 9));
    var to = Math.min(r.pages, from + 9);
    for (var p = from; p <= to; p++)
      $pager.append(pageLink(p, String(p), p === r.page ? '(current page)' : '', p === r.page, f));
    if (r.page < r.pages)
      $pager.append(pageLink(r.page + 1, '>', 'next page', false, f), pageLink(r.pages, '>|', 'last page', false, f));
  }

  function render(r, f) {
    var $tbody = $('#sync-log tbody').empty();
    if (!r.logs.length) {
      $tbody.append(
        $('<tr class="empty-row"></tr>').append($('<td colspan="7" class="text-center"></td>').text('No results!')),
      );
    }
    $.each(r.logs, function (_, log) {
      $tbody.append(
        $('<tr></tr>')
          .attr('data-log-id', log.log_id)
          .append(
            $('<td></td>').text(log.created_at),
            $('<td></td>').text(log.marketplace),
            $('<td></td>').text(log.operation),
            $('<td></td>').append(
              $('<span class="label"></span>').addClass(M.statusClass(log.status)).text(log.status),
            ),
            $('<td></td>').text(log.message),
            $('<td class="text-right"></td>').text(M.fmtInt(log.items)),
            $('<td class="text-right"></td>').text(M.fmtInt(log.duration_ms)),
          ),
      );
    });
    renderPager(r, f);
    $('#sync-log-results').text(resultsText(r));
  }

  /** Loads one page of the log with the current filters; returns a promise. */
  function load(page) {
    var f = filters();
    var $button = $('#button-filter');
    M.clearErrors($form);
    M.busy($button, true);
    return M.get(urls.list, $.extend({}, f, { page: page || 1 }))
      .done(function (json) {
        if (json && $.isArray(json.logs)) render(json, f);
        else M.handle(json, $form);
      })
      .always(function () {
        M.busy($button, false);
      });
  }

  $form.on('submit', function (e) {
    e.preventDefault();
    load(1);
  });
  $('#sync-log-pager').on('click', 'a[data-page]', function (e) {
    e.preventDefault();
    load(Number($(this).attr('data-page')) || 1);
  });

  window.meschainSyncLog = { load: load };
})(window, jQuery, window.MesChain);
