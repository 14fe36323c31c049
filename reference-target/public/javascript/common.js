/*
 * OpenCart 3 admin core behaviour the reference target needs: the security notification modal
 * shown on every dashboard load, and the Extensions page loading its module list into #extension.
 */
(function ($) {
  'use strict';

  /** Puts a list fragment into #extension; a full page (login, permission error) is reported, never nested. */
  function showFragment($extension, html) {
    if (/<html[\s>]/i.test(html)) {
      var title = (/<title>([^<]*)<\/title>/i.exec(html) || [])[1] || 'an unexpected page';
      $extension
        .empty()
        .append(
          $('<div class="alert alert-danger" role="alert"></div>').text(
            'The module list could not be loaded: the server answered with ' +
              $('<textarea></textarea>').html(title).val() +
              '.',
          ),
        );
      return;
    }
    $extension.empty().append($.parseHTML(html)); // parseHTML drops <script>
  }

  function showFailure($extension, xhr) {
    $extension.prepend(
      $('<div class="alert alert-danger" role="alert"></div>').text('Request failed: HTTP ' + xhr.status),
    );
  }

  $(function () {
    // common/dashboard: OpenCart opens the storage-folder warning on every load
    if ($('#modal-security').length) {
      $('#modal-security').modal('show');
    }

    // marketplace/extension: the type select loads the list fragment into #extension
    var $type = $('#input-type');
    var $extension = $('#extension');
    if ($type.length && $extension.length) {
      var load = function () {
        $extension.attr('aria-busy', 'true');
        $.ajax({ url: $type.val(), dataType: 'html', cache: false })
          .done(function (html) {
            showFragment($extension, html);
          })
          .fail(function (xhr) {
            showFailure($extension, xhr);
          })
          .always(function () {
            $extension.removeAttr('aria-busy');
          });
      };
      $type.on('change', load);
      load();

      // install / uninstall answer the refreshed list fragment (OpenCart does both over AJAX)
      $extension.on('click', '.btn-install, .btn-uninstall', function (e) {
        e.preventDefault();
        var $button = $(this);
        $button.addClass('disabled').attr('aria-disabled', 'true');
        $.ajax({ url: $button.attr('href'), dataType: 'html', cache: false })
          .done(function (html) {
            showFragment($extension, html);
          })
          .fail(function (xhr) {
            $button.removeClass('disabled').removeAttr('aria-disabled');
            showFailure($extension, xhr);
          });
      });
    }
  });
})(jQuery);
