import type { Config } from '../config/load-config.js';
import { LocalStorageDriver } from './local.driver.js';
import type { StorageDriver } from './storage-driver.js';

/**
 * The configured storage driver, ready to use; null when STORAGE_DRIVER=none (the upload route then
 * answers 503 upload_service_not_configured). The local driver proves its folders are writable.
 */
export async function createStorageDriver(storage: Config['storage']): Promise<StorageDriver | null> {
  switch (storage.driver) {
    case 'none':
      return null;
    case 'local': {
      const driver = new LocalStorageDriver(storage.root);
      await driver.init();
      return driver;
    }
    case 'gcs': {
      const { GcsStorageDriver } = await import('./gcs.driver.js');
      return new GcsStorageDriver({ bucket: storage.bucket, projectId: storage.projectId, emulatorHost: storage.emulatorHost });
    }
  }
}
