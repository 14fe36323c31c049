/*
 * Shared helpers of the MesChain-Sync admin pages (window.MesChain): page data, JSON calls with
 * OpenCart's answer conventions, alerts, field errors, number formats and Chart.js defaults.
 * Every text that comes from the server is inserted with .text() — never as HTML.
 */
(function (window, $) {
  'use strict';
  var document = window.document;
  var M = {};

  /** Parses the page's <script type="application/json" id="..."> block. */
  M.readData = function (id) {
    var el = document.getElementById(id);
    if (!el) return {};
    try {
      return JSON.parse(el.textContent || '{}');
    } catch (err) {
      console.error('MesChain-Sync: invalid page data in #' + id, err);
      return {};
    }
  };

  M.reducedMotion = function () {
    return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  };

  /** Appends query parameters to an `index.php?route=...` URL. */
  M.withParams = function (url, params) {
    var query = $.param(params || {});
    return query ? url + '&' + query : url;
  };

  function isNumber(n) {
    return typeof n === 'number' && isFinite(n);
  }
  var intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var moneyFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  M.fmtInt = function (n) {
    n = Number(n);
    return isNumber(n) ? intFmt.format(n) : '–';
  };
  M.fmtMoney = function (n) {
    n = Number(n);
    return isNumber(n) ? moneyFmt.format(n) + ' TRY' : '–';
  };
  M.fmtPercent = function (n) {
    n = Number(n);
    return isNumber(n) ? n.toFixed(1) + '%' : '–';
  };
  M.fmtDateTime = function (s) {
    return s ? s + ' UTC' : 'Never';
  };
  M.statusClass = function (status) {
    if (status === 'success') return 'label-success';
    if (status === 'warning') return 'label-warning';
    if (status === 'error' || status === 'failed' || status === 'rejected') return 'label-danger';
    return 'label-default';
  };

  /** Adds a dismissible alert to #meschain-alerts. type: success | danger | warning | info. */
  M.alert = function (type, text) {
    var $box = $('#meschain-alerts');
    var $alert = $('<div class="alert alert-dismissible"></div>')
      .addClass('alert-' + type)
      .attr('role', type === 'danger' ? 'alert' : 'status')
      .text(String(text));
    var $close = $('<button type="button" class="close" data-dismiss="alert" aria-label="Close"></button>').text('×');
    $alert.append($close);
    $box.prepend($alert);
    $box.children('.alert').slice(4).remove();
    return $alert;
  };

  M.clearErrors = function ($form) {
    $form.find('.field-error').text('');
    $form.find('.has-error').removeClass('has-error');
    $form.find('[aria-invalid]').removeAttr('aria-invalid');
  };

  /** Shows `{error: {field: text}}` under each field; keys without a field become an alert. */
  M.showErrors = function ($form, errors) {
    var unplaced = [];
    $.each(errors, function (key, text) {
      var $slot = $form.find('[id="error-' + key + '"]');
      var $input = $form.find('[name="' + key + '"]');
      if ($slot.length) {
        $slot.text(String(text));
      } else if ($input.length) {
        $('<div class="text-danger field-error"></div>').text(String(text)).insertAfter($input);
      } else {
        unplaced.push(key + ': ' + text);
      }
      $input.attr('aria-invalid', 'true').closest('.form-group').addClass('has-error');
    });
    if (unplaced.length) M.alert('danger', unplaced.join('\n'));
    var $first = $form.find('[aria-invalid="true"]').first();
    if ($first.length) $first.trigger('focus');
  };

  /**
   * Applies an OpenCart JSON answer: `{error: "text"}` → alert, `{error: {field: text}}` → field
   * errors, `{success: "text"}` → alert. Returns true when the answer was a success.
   */
  M.handle = function (json, $form) {
    if (json && json.error) {
      if (typeof json.error === 'object') {
        if ($form && $form.length) M.showErrors($form, json.error);
        else
          M.alert(
            'danger',
            $.map(json.error, function (t, k) {
              return k + ': ' + t;
            }).join('\n'),
          );
      } else {
        M.alert('danger', json.error);
      }
      return false;
    }
    if (json && typeof json.success === 'string') M.alert('success', json.success);
    return true;
  };

  function failed(xhr) {
    var json = xhr.responseJSON;
    if (json && json.error) M.handle(json);
    else M.alert('danger', 'Request failed: HTTP ' + xhr.status + (xhr.statusText ? ' ' + xhr.statusText : ''));
  }

  M.get = function (url, params) {
    return $.ajax({ url: M.withParams(url, params), type: 'GET', dataType: 'json', cache: false }).fail(failed);
  };

  M.post = function (url, data) {
    return $.ajax({ url: url, type: 'POST', data: data || {}, dataType: 'json' }).fail(failed);
  };

  /** Disables a button while a request runs. */
  M.busy = function ($button, on) {
    $button.prop('disabled', !!on);
    if (on) $button.attr('aria-busy', 'true');
    else $button.removeAttr('aria-busy');
  };

  /** Runs fn every ms milliseconds while the page is visible. */
  M.poll = function (fn, ms) {
    return window.setInterval(function () {
      if (!document.hidden) fn();
    }, ms);
  };

  /** Dataset colours with at least 3:1 contrast on white (WCAG 1.4.11). */
  M.colors = ['#1D4ED8', '#C2410C', '#047857', '#B91C1C', '#6D28D9', '#0F766E'];

  /** Chart.js options shared by every chart; no animation when the user prefers reduced motion. */
  M.chartOptions = function (extra) {
    var reduced = M.reducedMotion();
    return $.extend(
      true,
      {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 400 },
        plugins: { legend: { position: 'bottom', labels: { color: '#1F2937' } } },
      },
      extra || {},
    );
  };

  /** Creates a chart when Chart.js loaded; returns null otherwise (the data tables still show everything). */
  M.chart = function (canvasId, config) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || typeof Chart === 'undefined') return null;
    return new Chart(canvas, config);
  };

  M.updateChart = function (chart) {
    if (chart) chart.update(M.reducedMotion() ? 'none' : undefined);
  };

  /** Replaces a tbody's rows; cells: [{text, th?, cls?}] per row. Text only. */
  M.fillTable = function ($tbody, rows, emptyText, columns) {
    $tbody.empty();
    if (!rows.length) {
      $tbody.append(
        $('<tr class="empty-row"></tr>').append(
          $('<td class="text-center"></td>').attr('colspan', columns).text(emptyText),
        ),
      );
      return;
    }
    $.each(rows, function (_, cells) {
      var $tr = $('<tr></tr>');
      $.each(cells, function (_, cell) {
        var $cell = cell.th ? $('<th scope="row"></th>') : $('<td></td>');
        if (cell.cls) $cell.addClass(cell.cls);
        $cell.text(cell.text === undefined || cell.text === null ? '' : String(cell.text));
        $tr.append($cell);
      });
      $tbody.append($tr);
    });
  };

  window.MesChain = M;
})(window, jQuery);
