/*
 * Webhooks (extension/module/webhooks): stats polled every 30 s, log table with view / retry /
 * delete, the details modal (payload shown as inert text), trend line and outcome doughnut.
 * Charts: window.meschainCharts = { trend, outcome }.
 */
(function (window, $, M) {
  'use strict';
  var data = M.readData('meschain-webhooks-data');
  var urls = data.urls || {};
  var stats = data.stats || { total_webhooks: 0, successful_webhooks: 0, failed_webhooks: 0, avg_response_time: 0 };
  var trend = data.trend || { labels: [], total: [], failed: [] };

  function outcomeData(s) {
    return {
      labels: ['Successful', 'Failed or rejected'],
      datasets: [
        {
          label: 'Webhooks',
          data: [s.successful_webhooks, s.failed_webhooks],
          backgroundColor: [M.colors[2], M.colors[3]],
          borderColor: '#FFFFFF',
          borderWidth: 2,
        },
      ],
    };
  }

  var charts = {
    trend: M.chart('chart-webhook-trend', {
      type: 'line',
      data: {
        labels: trend.labels.slice(),
        datasets: [
          {
            label: 'Received',
            data: trend.total.slice(),
            borderColor: M.colors[0],
            backgroundColor: M.colors[0],
            tension: 0.2,
          },
          {
            label: 'Failed or rejected',
            data: trend.failed.slice(),
            borderColor: M.colors[3],
            backgroundColor: M.colors[3],
            tension: 0.2,
          },
        ],
      },
      options: M.chartOptions({
        scales: {
          x: { ticks: { color: '#374151' } },
          y: { beginAtZero: true, ticks: { precision: 0, color: '#374151' } },
        },
      }),
    }),
    outcome: M.chart('chart-webhook-status', {
      type: 'doughnut',
      data: outcomeData(stats),
      options: M.chartOptions({ cutout: '55%' }),
    }),
  };
  window.meschainCharts = charts;

  function renderStats(s) {
    stats = s;
    $('#stat-total_webhooks').text(M.fmtInt(s.total_webhooks));
    $('#stat-successful_webhooks').text(M.fmtInt(s.successful_webhooks));
    $('#stat-failed_webhooks').text(M.fmtInt(s.failed_webhooks));
    $('#stat-avg_response_time').text(M.fmtInt(s.avg_response_time) + ' ms');
    if (charts.outcome) {
      charts.outcome.data.datasets[0].data = [s.successful_webhooks, s.failed_webhooks];
      M.updateChart(charts.outcome);
    }
  }

  /** Polls webhooks/stats; returns a promise. */
  function refreshStats() {
    return M.get(urls.stats).done(function (json) {
      if (json && json.stats) renderStats(json.stats);
      else M.handle(json);
    });
  }

  function setRowStatus($row, status) {
    $row
      .find('.col-status')
      .empty()
      .append($('<span class="label"></span>').addClass(M.statusClass(status)).text(status));
    $row.find('.btn-retry').prop('disabled', status === 'success');
  }

  function showDetail(w) {
    var $modal = $('#modal-webhook-detail');
    $modal.find('[data-field]').each(function () {
      var v = w[$(this).attr('data-field')];
      $(this).text(v === null || v === undefined || v === '' ? '–' : String(v));
    });
    var payload = String(w.payload === undefined || w.payload === null ? '' : w.payload);
    try {
      payload = JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
      // not JSON: show it as received
    }
    $('#webhook-detail-payload').text(payload);
    $modal.modal('show');
  }

  var $table = $('#webhook-log');
  $table.on('click', '.btn-view', function () {
    var $button = $(this);
    M.busy($button, true);
    M.get(urls.detail, { webhook_id: $button.attr('data-webhook-id') })
      .done(function (json) {
        if (json && json.webhook) {
          showDetail(json.webhook);
          // give focus back to the button that opened the details when the modal closes
          $('#modal-webhook-detail').one('hidden.bs.modal', function () {
            $button.trigger('focus');
          });
        } else M.handle(json);
      })
      .always(function () {
        M.busy($button, false);
      });
  });

  $table.on('click', '.btn-retry', function () {
    var $button = $(this);
    var $row = $button.closest('tr');
    M.busy($button, true);
    M.post(urls.retry, { webhook_id: $button.attr('data-webhook-id') })
      .done(function (json) {
        if (M.handle(json)) {
          setRowStatus($row, json.status || 'success');
          refreshStats();
        }
      })
      .always(function () {
        $button.removeAttr('aria-busy');
        $button.prop('disabled', $row.find('.col-status .label').text() === 'success');
      });
  });

  $table.on('click', '.btn-delete', function () {
    var $button = $(this);
    M.busy($button, true);
    M.post(urls.delete, { webhook_id: $button.attr('data-webhook-id') })
      .done(function (json) {
        if (M.handle(json)) {
          $button.closest('tr').remove();
          refreshStats();
        } else {
          M.busy($button, false);
        }
      })
      .fail(function () {
        M.busy($button, false);
      });
  });

  M.poll(refreshStats, data.poll_interval_ms || 30000);
  window.meschainWebhooks = { refreshStats: refreshStats };
})(window, jQuery, window.MesChain);
