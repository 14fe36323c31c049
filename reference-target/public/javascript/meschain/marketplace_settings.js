/*
 * Marketplace settings (extension/module/<trendyol|hepsiburada|n11>): save with field errors,
 * test connection, category mapping list / save / delete. Secret inputs stay write-only.
 */
(function (window, $, M) {
  'use strict';
  var data = M.readData('meschain-settings-data');
  var urls = data.urls || {};

  $('#form-marketplace').on('submit', function (e) {
    e.preventDefault();
    var $form = $(this);
    var $button = $('#button-save');
    M.clearErrors($form);
    M.busy($button, true);
    M.post(urls.save, $form.serialize())
      .done(function (json) {
        if (!M.handle(json, $form)) return;
        // a typed secret is now stored: clear it from the page and say so
        $form.find('input[type="password"]').each(function () {
          var $input = $(this);
          if ($input.val() !== '') {
            $input
              .val('')
              .attr('data-stored', '1')
              .attr('placeholder', 'A value is stored (hidden). Type to replace it.');
          }
        });
      })
      .always(function () {
        M.busy($button, false);
      });
  });

  $('#button-test-connection').on('click', function () {
    var $button = $(this);
    M.busy($button, true);
    M.post(urls.test_connection, {})
      .done(function (json) {
        var latency = json && json.latency_ms !== undefined ? ' (' + M.fmtInt(json.latency_ms) + ' ms)' : '';
        if (json && typeof json.success === 'string') M.alert('success', json.success + latency);
        else if (json && typeof json.error === 'string') M.alert('danger', json.error + latency);
        else M.handle(json);
      })
      .always(function () {
        M.busy($button, false);
      });
  });

  function renderMappings(mappings) {
    var $tbody = $('#category-mapping tbody');
    $tbody.empty();
    if (!mappings.length) {
      $tbody.append(
        $('<tr class="empty-row"></tr>').append(
          $('<td colspan="4" class="text-center"></td>').text('No category mappings yet.'),
        ),
      );
      return;
    }
    $.each(mappings, function (_, m) {
      var name = m.opencart_category_name || m.category_name || '#' + m.opencart_category_id;
      var $delete = $('<button type="button" class="btn btn-danger btn-sm btn-delete-mapping"></button>')
        .attr('data-category-id', m.opencart_category_id)
        .text('Delete')
        .append($('<span class="sr-only"></span>').text(' mapping of ' + name));
      $tbody.append(
        $('<tr></tr>')
          .attr('data-category-id', m.opencart_category_id)
          .append(
            $('<th scope="row"></th>').text(name),
            $('<td></td>').text(m.marketplace_category_id),
            $('<td></td>').text(m.marketplace_category_name),
            $('<td class="text-right"></td>').append($delete),
          ),
      );
    });
  }

  function loadMappings() {
    return M.get(urls.category_mapping).done(function (json) {
      if (json && $.isArray(json.mappings)) renderMappings(json.mappings);
      else M.handle(json);
    });
  }

  $('#form-category-mapping').on('submit', function (e) {
    e.preventDefault();
    var $form = $(this);
    var $button = $('#button-save-mapping');
    M.clearErrors($form);
    M.busy($button, true);
    M.post(urls.save_category_mapping, $form.serialize())
      .done(function (json) {
        if (!M.handle(json, $form)) return;
        $form.find('input[type="text"]').val('');
        loadMappings();
      })
      .always(function () {
        M.busy($button, false);
      });
  });

  $('#category-mapping').on('click', '.btn-delete-mapping', function () {
    var $button = $(this);
    M.busy($button, true);
    M.post(urls.delete_category_mapping, { category_id: $button.attr('data-category-id') })
      .done(function (json) {
        if (M.handle(json)) loadMappings();
        else M.busy($button, false);
      })
      .fail(function () {
        M.busy($button, false);
      });
  });

  window.meschainSettings = { loadMappings: loadMappings };
})(window, jQuery, window.MesChain);
