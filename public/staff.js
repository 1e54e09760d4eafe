/* The staff console's only script, and optional: the officer list of an
   assign form shows the chosen department's officers alone. */
document.querySelectorAll('select[data-officers-for]').forEach(function (officers) {
  var department = document.getElementById(officers.getAttribute('data-officers-for'));
  if (!department) return;
  function sync() {
    officers.querySelectorAll('optgroup').forEach(function (group) {
      var shown = !department.value || group.getAttribute('data-department') === department.value;
      group.hidden = !shown;
      group.disabled = !shown;
    });
    var chosen = officers.selectedOptions[0];
    if (chosen && chosen.parentElement && chosen.parentElement.disabled) officers.value = '';
  }
  department.addEventListener('change', sync);
  sync();
});
