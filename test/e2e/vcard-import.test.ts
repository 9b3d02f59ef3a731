// Importing a real vCard export through the lead import dialog: the contact card read from
// ../shared/refdata/vcard at test time becomes a lead the seller finds in the list.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REFDATA } from '../documents/xmllint';
import { LeadImportDialog } from './pages/lead-pages';
import { pullAll } from './support/stack';
import { describeE2e, useE2e } from './support/fixture';

const card = join(REFDATA, 'vcard', 'ez-vcard', 'John_Doe_IPHONE.vcf');

describeE2e(
  'vCard import',
  () => {
    const e2e = useE2e();

    it('imports a .vcf file through the import dialog and finds the lead', async () => {
      const { app, t } = await e2e.signIn('en');
      const { page } = app;
      await app.go('leads');
      const importer = new LeadImportDialog(app);
      const { dialog } = importer;
      await importer.openFile(card);
      await dialog.getByRole('button', { name: t('leadImport.checkRows') }).click();
      await importer.importRows(1, { created: 1, updated: 0, skipped: 0, errors: 0 });

      await page.getByLabel(t('lead.filterText')).fill('john.doe@ibm.com');
      const table = page
        .getByRole('grid', { name: t('lead.list') })
        .or(page.getByRole('table', { name: t('lead.list') }));
      await table.getByText('Doe').first().waitFor();
      await app.waitForSynced();
      const leads = (await pullAll(e2e.stack, 'leads')).filter(
        (l) => l['email'] === 'john.doe@ibm.com',
      );
      expect(leads).toHaveLength(1);
      expect(leads[0]).toMatchObject({ firstName: 'John', lastName: 'Doe' });
    }, 300_000);
  },
  { ready: existsSync(card), why: `no vCard at ${card}` },
);
