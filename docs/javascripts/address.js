/* The page's address as the place a view is kept: the matrix's and the obligations list's
   filters are written into the query string, so a reload or a shared link shows the same
   view. Loaded before the scripts that use it. */
(function () {
  // Sets each non-empty value, removes each empty one; the history entry is replaced, not added.
  function keep(values) {
    var url = new URL(location.href);
    Object.keys(values).forEach(function (k) {
      if (values[k]) url.searchParams.set(k, values[k]);
      else url.searchParams.delete(k);
    });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  window.SiteAddress = { keep: keep };
})();
