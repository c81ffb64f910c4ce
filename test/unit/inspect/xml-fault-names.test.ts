// XML-RPC member names read in any case (lib/inspect/stated-elsewhere.ts): the spec writes
// "faultCode"/"faultString" (http://xmlrpc.com/spec.md, "Fault example"), and hand-written servers
// send "faultcode"/"FAULTSTRING"; the words are the server's statement either way.
import { describe, expect, it } from 'vitest';
import { xmlFaultError } from '../../../lib/inspect/stated-elsewhere';

const fault = (codeName: string, stringName: string) =>
  '<?xml version="1.0"?><methodResponse><fault><value><struct>' +
  `<member><name>${codeName}</name><value><int>4</int></value></member>` +
  `<member><name>${stringName}</name><value><string>Too many parameters.</string></value></member>` +
  '</struct></value></fault></methodResponse>';

describe('xmlFaultError: XML-RPC member names', () => {
  it('are read in any case', () => {
    expect(xmlFaultError(fault('faultcode', 'FAULTSTRING'))).toEqual({
      family: 'message',
      code: '',
      at: 'XML-RPC fault 4',
      message: 'Too many parameters.',
    });
  });
});
