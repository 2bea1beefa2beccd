// Reads a JSON list of vCard 4.0 texts on stdin; prints, as JSON, one list of problems per text:
// every error or warning vcard4-ts reports ("nags"): key, whether an error, text, property.
import { parseVCards } from 'vcard4-ts';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((text) => {
    const parsed = parseVCards(text, true);
    const problems = (parsed.nags ?? []).map((n) => ({ key: n.key, error: n.isError, text: n.description }));
    for (const card of parsed.vCards ?? []) {
      for (const n of card.nags ?? []) {
        problems.push({ key: n.key, error: n.isError, text: `${n.description} ${JSON.stringify(n.attributes ?? {})}`, property: n.attributes?.property ?? '' });
      }
      for (const line of card.unparseable ?? []) problems.push({ key: 'UNPARSEABLE', error: true, text: line });
    }
    if (!parsed.vCards || parsed.vCards.length === 0) problems.push({ key: 'NO_VCARD', error: true, text: 'no vCard read' });
    return problems;
  });
  process.stdout.write(JSON.stringify(results));
});
