# cmake -DSITE=<folder> -DTEMPLATE=<service-worker.js.in> -DFILES="a|b|c" -P site_version.cmake
# Writes <folder>/service-worker.js: the site's version (a hash of its files' contents) and the
# list of files to cache, so every build whose files differ has a worker, and a cache, of its own.
string(REPLACE "|" ";" FILES "${FILES}")
set(_hashes "")
set(_list "'./'")
foreach(_f IN LISTS FILES)
  file(SHA256 "${SITE}/${_f}" _h)
  string(APPEND _hashes "${_f}:${_h}\n")
  string(APPEND _list ", '${_f}'")
endforeach()
string(SHA256 _version "${_hashes}")
string(SUBSTRING "${_version}" 0 16 ASYNCRACE_SITE_VERSION)
set(ASYNCRACE_SITE_FILES "${_list}")
configure_file("${TEMPLATE}" "${SITE}/service-worker.js" @ONLY)
