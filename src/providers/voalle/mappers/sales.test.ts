// The contract's Lead and Order -> Voalle's lead and negotiation bodies (field names of the Go SDK
// and the TS adapters: personalData / contact / address / integratorData; crm/startsale).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { functions } from '../../../contract/index.js';
import { voalleSettingsSchema } from '../settings.js';
import { leadBody, orderLeadBody, startSaleBody } from './sales.js';

const settings = voalleSettingsSchema.parse({
  api_url: 'https://erp.example.com:45715',
  client_id: 'integracao.isp.ponte',
  client_secret: 'x',
  syndata: 'y',
  crm_form_code: '4',
});
const codes = { integratorAlias: 'ponte', crmContactOriginCode: '1.03', sellerTxId: '11222333000181' };

describe('Voalle sales bodies', () => {
  test('a lead: typeTxId 2 for a CPF, the lead id as integrationCode, the origin and alias', () => {
    const lead = functions.create_lead.input.parse({
      lead: {
        id: 'lead-9',
        name: 'Ana Souza',
        document_number: '529.982.247-25',
        phone: '11987654321',
        notes: 'quer fibra',
      },
    }).lead;
    const body = leadBody(lead, codes, settings);
    assert.deepEqual(body.personalData, { name: 'Ana Souza', typeTxId: 2, txId: '52998224725' });
    assert.deepEqual(body.contact, { cellPhone: '11987654321' });
    assert.deepEqual(body.integratorData, {
      crmContactOriginCode: '1.03',
      integratorAlias: 'ponte',
      crmFormCode: '4',
      integrationSellerTxId: '11222333000181',
      integrationCode: 'lead-9',
    });
    assert.match(String(body.observations), /quer fibra[\s\S]*\[ponte:lead:lead-9\]/);
  });

  test('an order as a lead carries the installation address, items and due day in the observations', () => {
    const input = functions.create_order.input.parse(functions.create_order.example);
    const body = orderLeadBody(input.order, 'via site', codes, settings);
    const address = body.address as Record<string, unknown>;
    const expected = input.order.installation_address ?? input.order.address;
    assert.equal(address.postalCode, expected.zip_code);
    assert.equal((body.personalData as Record<string, unknown>).txId, input.order.customer.document_number);
    assert.match(String(body.observations), /via site/);
    assert.match(String(body.observations), new RegExp(`Vencimento: ${input.order.due_date_code}`));
  });

  test('a negotiation: the tenant codes, the collection day and the services with their prices', () => {
    const input = functions.create_order.input.parse(functions.create_order.example);
    const body = startSaleBody(
      input.order,
      '',
      { companyPlaceTxId: '11222333000181', contractType: '1', crmCampaignCode: '7', crmPriceListCode: '31' },
      settings,
    );
    assert.deepEqual(
      [body.companyPlaceTxId, body.contractType, body.crmCampaignCode, body.crmPriceListCode],
      ['11222333000181', '1', '7', '31'],
    );
    const services = body.serviceProducts as { code: string; quantity: number; amount?: number }[];
    assert.equal(services[0]!.code, input.order.items[0]!.product_code);
    if (input.order.items[0]!.price !== undefined)
      assert.equal(services[0]!.amount, input.order.items[0]!.price / 100);
  });
});
