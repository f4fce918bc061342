// "Afdrukken" buttons (data-pib-afdrukken) print the page without the circuit and without an inline handler,
// which the Content-Security-Policy forbids.
document.addEventListener('click', e => {
    if (e.target instanceof Element && e.target.closest('[data-pib-afdrukken]')) {
        window.print();
    }
});
