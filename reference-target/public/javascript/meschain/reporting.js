/*
 * Reporting (extension/module/reporting): filters, Refresh (generateReport), Export link
 * (exportReport with the same filters), sales / marketplace / performance charts, paginated top
 * products; refreshes itself every 300 s. Charts: window.meschainCharts = { sales, marketplace, performance }.
 */
(function (window, $, M) {
  'use strict';
  var data = M.readData('meschain-reporting-data');
  var urls = data.urls || {};
  var pageSize = data.top_page_size || 5;
  var report = data.report;
  var topPage = 1;
  var $form = $('#form-report-filter');

  function filters() {
    return {
      report_type: $('#input-report-type').val(),
      date_start: $('#input-date-start').val(),
      date_end: $('#input-date-end').val(),
      marketplace: $('#input-marketplace').val(),
    };
  }

  function updateExportLink() {
    $('#button-export').attr('href', M.withParams(urls.export, filters()));
  }

  function salesData(r) {
    return {
      labels: $.map(r.daily_breakdown, function (d) {
        return d.date;
      }),
      datasets: [
        {
          label: 'Orders',
          yAxisID: 'y',
          data: $.map(r.daily_breakdown, function (d) {
            return d.orders;
          }),
          borderColor: M.colors[0],
          backgroundColor: M.colors[0],
          tension: 0.2,
        },
        {
          label: 'Revenue (TRY)',
          yAxisID: 'y1',
          data: $.map(r.daily_breakdown, function (d) {
            return d.revenue;
          }),
          borderColor: M.colors[1],
          backgroundColor: M.colors[1],
          tension: 0.2,
        },
      ],
    };
  }

  function marketplaceData(r) {
    return {
      labels: $.map(r.marketplace_breakdown, function (m) {
        return m.title;
      }),
      datasets: [
        {
          label: 'Revenue (TRY)',
          data: $.map(r.marketplace_breakdown, function (m) {
            return m.revenue;
          }),
          backgroundColor: $.map(r.marketplace_breakdown, function (_, i) {
            return M.colors[i % M.colors.length];
          }),
          borderColor: '#FFFFFF',
          borderWidth: 2,
        },
      ],
    };
  }

  function performanceData(r) {
    return {
      labels: $.map(r.daily_breakdown, function (d) {
        return d.date;
      }),
      datasets: [
        {
          label: 'Sync operations',
          data: $.map(r.daily_breakdown, function (d) {
            return d.sync_operations;
          }),
          backgroundColor: M.colors[0],
        },
        {
          label: 'Sync errors',
          data: $.map(r.daily_breakdown, function (d) {
            return d.sync_errors;
          }),
          backgroundColor: M.colors[3],
        },
      ],
    };
  }

  var axis = { ticks: { color: '#374151' } };
  var charts = {
    sales: M.chart('chart-sales', {
      type: 'line',
      data: salesData(report),
      options: M.chartOptions({
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: axis,
          y: {
            type: 'linear',
            position: 'left',
            beginAtZero: true,
            ticks: { precision: 0, color: '#374151' },
            title: { display: true, text: 'Orders', color: '#374151' },
          },
          y1: {
            type: 'linear',
            position: 'right',
            beginAtZero: true,
            grid: { drawOnChartArea: false },
            ticks: { color: '#374151' },
            title: { display: true, text: 'Revenue (TRY)', color: '#374151' },
          },
        },
      }),
    }),
    marketplace: M.chart('chart-marketplace', {
      type: 'doughnut',
      data: marketplaceData(report),
      options: M.chartOptions({ cutout: '55%' }),
    }),
    performance: M.chart('chart-performance', {
      type: 'bar',
      data: performanceData(report),
      options: M.chartOptions({
        scales: { x: axis, y: { beginAtZero: true, ticks: { precision: 0, color: '#374151' } } },
      }),
    }),
  };
  window.meschainCharts = charts;

  function renderTopProducts() {
    var rows = report.top_products || [];
    var pages = Math.max(1, Math.ceil(rows.length / pageSize));
    if (topPage > pages) topPage = pages;
    M.fillTable(
      $('#top-products tbody'),
      $.map(rows.slice((topPage - 1) * pageSize, topPage * pageSize), function (p) {
        return [
          [
            { text: p.name, th: true },
            { text: p.model },
            { text: M.fmtInt(p.quantity), cls: 'text-right' },
            { text: M.fmtMoney(p.revenue), cls: 'text-right' },
          ],
        ];
      }),
      'No results!',
      4,
    );
    var $pager = $('#top-products-pager').empty();
    for (var p = 1; p <= pages; p++) {
      var $button = $('<button type="button" class="btn btn-link"></button>')
        .attr('data-page', p)
        .text(String(p))
        .append($('<span class="sr-only"></span>').text(' of ' + pages));
      if (p === topPage) $button.attr('aria-current', 'page');
      $pager.append(
        $('<li></li>')
          .toggleClass('active', p === topPage)
          .append($button),
      );
    }
  }

  function render(r) {
    report = r;
    $.each(r.summary, function (key, value) {
      var money = key === 'total_revenue' || key === 'average_order_value' || key === 'commission_estimate';
      var text = money ? M.fmtMoney(value) : key === 'sync_success_rate' ? M.fmtPercent(value) : M.fmtInt(value);
      $('#report-' + key).text(text);
    });
    M.fillTable(
      $('#marketplace-breakdown tbody'),
      $.map(r.marketplace_breakdown, function (m) {
        return [
          [
            { text: m.title, th: true },
            { text: M.fmtInt(m.orders), cls: 'text-right' },
            { text: M.fmtMoney(m.revenue), cls: 'text-right' },
            { text: M.fmtInt(m.products), cls: 'text-right' },
          ],
        ];
      }),
      'No results!',
      4,
    );
    M.fillTable(
      $('#daily-breakdown tbody'),
      $.map(r.daily_breakdown, function (d) {
        return [
          [
            { text: d.date, th: true },
            { text: M.fmtInt(d.orders), cls: 'text-right' },
            { text: M.fmtMoney(d.revenue), cls: 'text-right' },
            { text: M.fmtInt(d.sync_operations), cls: 'text-right' },
            { text: M.fmtInt(d.sync_errors), cls: 'text-right' },
          ],
        ];
      }),
      'No results!',
      5,
    );
    topPage = 1;
    renderTopProducts();
    if (charts.sales) {
      charts.sales.data = salesData(r);
      M.updateChart(charts.sales);
    }
    if (charts.marketplace) {
      charts.marketplace.data = marketplaceData(r);
      M.updateChart(charts.marketplace);
    }
    if (charts.performance) {
      charts.performance.data = performanceData(r);
      M.updateChart(charts.performance);
    }
    $('#report-updated').text(
      'Report for ' +
        r.date_start +
        ' to ' +
        r.date_end +
        ' updated at ' +
        new Date().toLocaleTimeString('en-GB') +
        '. Refreshes every 5 minutes.',
    );
  }

  /** Fetches the report for the current filters; returns a promise. */
  function refresh() {
    var $button = $('#button-refresh');
    M.clearErrors($form);
    M.busy($button, true);
    updateExportLink();
    return M.get(urls.generate, filters())
      .done(function (json) {
        if (json && json.report) render(json.report);
        else M.handle(json, $form);
      })
      .always(function () {
        M.busy($button, false);
      });
  }

  $form.on('submit', function (e) {
    e.preventDefault();
    refresh();
  });
  $form.on('change', 'select, input', updateExportLink);
  $('#top-products-pager').on('click', 'button[data-page]', function () {
    topPage = Number($(this).attr('data-page')) || 1;
    renderTopProducts();
  });

  updateExportLink();
  M.poll(refresh, data.refresh_interval_ms || 300000);
  window.meschainReporting = { refresh: refresh };
})(window, jQuery, window.MesChain);
