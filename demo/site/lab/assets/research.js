// The research page is rendered in the browser from this list, as many lab sites are.
(function () {
  var papers = [
    ['Lantern-2 Technical Report', 'March 2026', 'Architecture, training recipe and evaluation of the Lantern-2 family across 48 languages, with per-language results and known failure modes. The report documents that the training data was filtered with a quality classifier, but does not list the sources of the data.'],
    ['Tokenizing the North: efficient vocabularies for Nordic and Sámi languages', 'November 2025', 'We show that a tokenizer trained with balanced sampling reduces sequence length for Icelandic, Faroese and North Sámi by 31 to 44 percent without harming English.'],
    ['Lantern-Guard: a multilingual safety classifier', 'February 2026', 'We introduce Lantern-Guard, a dedicated safety model that labels prompts and responses with twelve risk categories and three severity levels in 48 languages. False positive rates are higher for languages with little training data.'],
    ['Evaluating coding agents on real repositories', 'January 2026', 'Lantern Code resolves 61 percent of issues in an internal benchmark of 500 tasks drawn from open-source projects. The benchmark and its tasks have not been released.']
  ];
  var app = document.getElementById('app');
  var html = '<main><article><h1>Research at Lanternfish Labs</h1>' +
    '<p>Our research team publishes on multilingual modelling, evaluation for low-resource languages, safety classification and agents. We believe that open publication is essential to scientific progress.</p>';
  for (var i = 0; i < papers.length; i++) {
    html += '<section><h2>' + papers[i][0] + '</h2><p>' + papers[i][1] + '</p><p>' + papers[i][2] + '</p></section>';
  }
  html += '<p>Read the <a href="/models/lantern-2">Lantern-2 model card</a> or return <a href="/">home</a>.</p></article></main>';
  app.innerHTML = html;
})();
