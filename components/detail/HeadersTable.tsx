import type { HarNameValue } from '../../lib';

// Headers that carry credentials or decide CORS get a tag, so the eye finds them first.
const TAGS: [RegExp, string][] = [
  [
    /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey|x-goog-api-key|ocp-apim-subscription-key|x-auth-token|x-csrf-token|x-xsrf-token|x-csrftoken)$/i,
    'auth',
  ],
  [/^(www-authenticate|proxy-authenticate|set-cookie)$/i, 'auth'],
  [/^(origin|access-control-.*)$/i, 'cors'],
  [/^(retry-after|(x-)?ratelimit.*)$/i, 'limit'],
  [/^(date|x-amz-date)$/i, 'clock'],
];

function tagOf(name: string): string | undefined {
  return TAGS.find(([re]) => re.test(name))?.[1];
}

/** Long values (a 100 KB header) are cut for display; the export keeps them whole. */
const SHOW = 2000;

export function HeadersTable({ title, headers }: { title: string; headers: readonly HarNameValue[] }) {
  return (
    <section className="headers">
      <h4>
        {title} <span className="count">{headers.length}</span>
      </h4>
      {headers.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <table>
          <tbody>
            {headers.map((h, i) => {
              const tag = tagOf(h.name);
              const value = String(h.value ?? '');
              return (
                <tr key={i} className={tag ? `tagged ${tag}` : undefined}>
                  <th scope="row">
                    {h.name}
                    {tag ? <span className={`tag ${tag}`}>{tag}</span> : null}
                  </th>
                  <td>
                    {value.length > SHOW
                      ? `${value.slice(0, SHOW)}… (${value.length.toLocaleString()} characters)`
                      : value}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
