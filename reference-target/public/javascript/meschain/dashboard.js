/*
 * Hub dashboard (extension/module/meschain_sync): the sync-trend line chart, the product
 * distribution doughnut, the status table, "Sync now" per marketplace with job polling, the hub
 * settings form, and a metrics/chart refresh every 30 s and after each finished sync.
 * Chart instances: window.meschainCharts = { syncTrend, productDistribution }.
 */
(function (window, $, M) {
  'use strict';
  var data = M.readData('meschain-dashboard-data');
  var urls = data.urls || {};

  function trendDatasets(chart) {
    return $.map(chart.sync_counts || [], function (series, i) {
      var color = M.colors[i % M.colors.length];
      return {
        label: series.label,
        marketplace: series.marketplace,
        data: series.data.slice(),
        borderColor: color,
        backgroundColor: color,
        pointRadius: 3,
        tension: 0.2,
        fill: false,
      };
    });
  }

  function distributionDataset(chart) {
    var d = chart.product_distribution || { data: [], labels: [] };
    return [
      {
        label: 'Synced products',
        data: d.data.slice(),
        backgroundColor: $.map(d.labels, function (_, i) {
          return M.colors[i % M.colors.length];
        }),
        borderColor: '#FFFFFF',
        borderWidth: 2,
      },
    ];
  }

  var initial = data.chart || { labels: [], sync_counts: [], product_distribution: { labels: [], data: [] } };
  var charts = {
    syncTrend: M.chart('chart-sync-trend', {
      type: 'line',
      data: { labels: initial.labels.slice(), datasets: trendDatasets(initial) },
      options: M.chartOptions({
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: {
            beginAtZero: true,
            ticks: { precision: 0, color: '#374151' },
            title: { display: true, text: 'Sync operations', color: '#374151' },
          },
          x: { ticks: { color: '#374151' } },
        },
      }),
    }),
    productDistribution: M.chart('chart-product-distribution', {
      type: 'doughnut',
      data: { labels: initial.product_distribution.labels.slice(), datasets: distributionDataset(initial) },
      options: M.chartOptions({ cutout: '55%' }),
    }),
  };
  window.meschainCharts = charts;

  function updateCharts(chart) {
    if (charts.syncTrend) {
      charts.syncTrend.data.labels = chart.labels.slice();
      charts.syncTrend.data.datasets = trendDatasets(chart);
      M.updateChart(charts.syncTrend);
    }
    if (charts.productDistribution) {
      charts.productDistribution.data.labels = chart.product_distribution.labels.slice();
      charts.productDistribution.data.datasets = distributionDataset(chart);
      M.updateChart(charts.productDistribution);
    }
    // text alternatives of both charts
    M.fillTable(
      $('#table-sync-trend tbody'),
      $.map(chart.labels, function (date, i) {
        return [
          [{ text: date, th: true }].concat(
            $.map(chart.sync_counts, function (s) {
              return { text: s.data[i] === undefined ? 0 : s.data[i] };
            }),
          ),
        ];
      }),
      'No data',
      1 + chart.sync_counts.length,
    );
    M.fillTable(
      $('#table-product-distribution tbody'),
      $.map(chart.product_distribution.labels, function (label, i) {
        var v = chart.product_distribution.data[i];
        return [[{ text: label, th: true }, { text: v === undefined ? 0 : v }]];
      }),
      'No data',
      2,
    );
  }

  function updateMetrics(m) {
    $('#summary-total-products').text(M.fmtInt(m.total_products));
    $('#summary-active-marketplaces').text(M.fmtInt(m.active_marketplaces));
    $('#summary-synced-products').text(M.fmtInt(m.synced_products));
    $('#summary-error-products').text(M.fmtInt(m.error_products));
    $('#summary-total-orders').text(M.fmtInt(m.total_orders));
    $('#summary-success-rate').text(M.fmtPercent(m.sync_success_rate));
    $.each(m.marketplaces || [], function (_, mp) {
      var status = mp.enabled ? 'Enabled' : 'Disabled';
      var $card = $('#card-' + mp.marketplace);
      $card.find('.card-synced').text(M.fmtInt(mp.synced_products));
      $card.find('.card-orders').text(M.fmtInt(mp.orders));
      $card.find('.card-last-sync').text(M.fmtDateTime(mp.last_sync));
      $card
        .find('.card-status')
        .text(status)
        .toggleClass('label-success', !!mp.enabled)
        .toggleClass('label-default', !mp.enabled);
      var $row = $('#marketplace-status tbody tr[data-marketplace="' + mp.marketplace + '"]');
      $row.find('.col-synced').text(M.fmtInt(mp.synced_products));
      $row.find('.col-last-sync').text(M.fmtDateTime(mp.last_sync));
      $row.find('.col-success-rate').text(M.fmtPercent(mp.success_rate));
      $row.find('.col-status').text(status);
    });
  }

  /** Fetches metrics and chart data and redraws everything; returns a promise. */
  function refresh() {
    var metrics = M.get(urls.metrics).done(function (json) {
      if (json && json.metrics) updateMetrics(json.metrics);
      else M.handle(json);
    });
    var chart = M.get(urls.chart_data).done(function (json) {
      if (json && json.chart) updateCharts(json.chart);
      else M.handle(json);
    });
    return $.when(metrics, chart);
  }

  function pollJob(jobId, $button, $status, attempt) {
    M.get(urls.job, { job_id: jobId })
      .done(function (json) {
        var job = json && json.job;
        if (!job) {
          M.handle(json);
          M.busy($button, false);
          $status.text('Sync job #' + jobId + ': status unknown.');
          return;
        }
        if (job.status === 'done' || job.status === 'failed') {
          M.busy($button, false);
          var counts =
            job.total !== undefined
              ? ' ' +
                M.fmtInt(job.succeeded) +
                ' of ' +
                M.fmtInt(job.total) +
                ' synced, ' +
                M.fmtInt(job.failed) +
                ' failed.'
              : '';
          $status.text(
            'Sync job #' +
              jobId +
              ' ' +
              (job.status === 'done' ? 'finished.' : 'failed.') +
              counts +
              (job.error ? ' ' + job.error : ''),
          );
          $status.toggleClass('text-danger', job.status === 'failed');
          refresh();
          return;
        }
        $status.text(
          'Sync job #' +
            jobId +
            ' ' +
            job.status +
            (job.total ? ': ' + M.fmtInt(job.processed) + ' of ' + M.fmtInt(job.total) + ' processed…' : '…'),
        );
        if (attempt >= 300) {
          M.busy($button, false);
          $status.text('Sync job #' + jobId + ' is still ' + job.status + '; stopped watching it.');
          return;
        }
        window.setTimeout(function () {
          pollJob(jobId, $button, $status, attempt + 1);
        }, data.job_poll_interval_ms || 1000);
      })
      .fail(function () {
        M.busy($button, false);
      });
  }

  $('.sync-form').on('submit', function (e) {
    e.preventDefault();
    var $form = $(this);
    var mp = $form.attr('data-marketplace');
    var $button = $form.find('.btn-sync');
    var $status = $('#sync-status-' + mp);
    M.busy($button, true);
    $status.removeClass('text-danger').text('Queuing sync…');
    M.post($form.attr('data-action'), { limit: $form.find('[name="limit"]').val() })
      .done(function (json) {
        if (!M.handle(json) || !json.job_id) {
          M.busy($button, false);
          $status.text('');
          return;
        }
        $status.text('Sync job #' + json.job_id + ' queued…');
        pollJob(json.job_id, $button, $status, 0);
      })
      .fail(function () {
        M.busy($button, false);
        $status.text('');
      });
  });

  $('#form-meschain-sync').on('submit', function (e) {
    e.preventDefault();
    var $form = $(this);
    var $button = $form.find('#button-save');
    M.clearErrors($form);
    M.busy($button, true);
    M.post($form.attr('data-action'), $form.serialize())
      .done(function (json) {
        M.handle(json, $form);
      })
      .always(function () {
        M.busy($button, false);
      });
  });

  M.poll(refresh, data.poll_interval_ms || 30000);
  window.meschainDashboard = { refresh: refresh };
})(window, jQuery, window.MesChain);
