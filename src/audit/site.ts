// Public suffixes under which each registrant gets a name of its own one level further down
// (`example.co.uk`, not `co.uk`). A short list of the common ones, not the whole Public Suffix
// List: a host under a suffix missing here is grouped one level too high, which can only merge
// two sites into one (a request then looks first-party), never split one site into two.
const SECOND_LEVEL = new Set(
  (
    'co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk nhs.uk sch.uk com.au net.au org.au edu.au gov.au ' +
    'co.nz org.nz net.nz govt.nz co.jp ne.jp or.jp ac.jp go.jp co.kr or.kr com.br net.br org.br gov.br ' +
    'com.cn net.cn org.cn gov.cn com.mx org.mx gob.mx co.in net.in org.in gov.in com.sg edu.sg gov.sg ' +
    'co.za org.za gov.za com.tr gov.tr com.ar gob.ar com.hk org.hk com.tw org.tw co.il org.il co.id or.id ' +
    'com.my gov.my com.ph gov.ph com.pl net.pl org.pl co.at or.at gv.at com.es org.es com.pt co.th ac.th ' +
    'github.io gitlab.io pages.dev vercel.app netlify.app herokuapp.com web.app firebaseapp.com ' +
    'azurewebsites.net cloudfront.net appspot.com blogspot.com'
  ).split(' '),
);

/**
 * The registrable domain ("site") of a host name, as browsers group cookies and same-site
 * requests: the last two labels, or three under a common second-level public suffix (see above).
 * An IP address or a single-label host (`localhost`) is its own site.
 */
export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(name) || name.includes(':') || !name.includes('.')) return name;
  const labels = name.split('.');
  const take = SECOND_LEVEL.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-take).join('.');
}
