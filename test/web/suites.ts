// Every suite the web worker runs: its own, and the extension-host suites that apply in a browser (all but
// the session suite, whose schedule servers run inside the extension host on Node's http). The activation
// suite comes first: it checks that the site itself activated the extension, before any post was opened.
import '../integration/activation.test';
import './web.test';
import '../integration/completions.test';
import '../integration/frontMatter.test';
import '../integration/images.test';
import '../integration/newPost.test';
import '../integration/pasteImages.test';
import '../integration/photosAnywhere.test';
import '../integration/preview.test';
import '../integration/schedule.test';
