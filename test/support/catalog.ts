/** A small catalog (two rows, four titles, four channels; asset = channel resource) the page and controller tests share. */
import type { Catalog } from '../../src/catalog/types';

export const SAMPLE_CATALOG: Catalog = {
  rows: [
    {
      id: 'featured',
      title: 'Featured',
      items: [
        {
          id: 't01',
          title: 'Harbor Lights',
          description: 'A harbor master.',
          rating: 'TV-14',
          year: 2025,
          posterUrl: 'http://p/t01.png',
          resource: 'DEMOTV',
          channelResource: 'DEMOTV',
          streamUrl: 'http://media/t01/index.m3u8',
        },
        {
          id: 't02',
          title: 'Derby Day',
          description: 'Football.',
          rating: 'TV-G',
          year: 2026,
          posterUrl: 'http://p/t02.png',
          resource: 'DEMOTV-SPORTS',
          channelResource: 'DEMOTV-SPORTS',
          streamUrl: 'http://media/t02/index.m3u8',
        },
        {
          id: 't03',
          title: 'Copper Canyon',
          description: 'A western.',
          rating: 'R',
          year: 2024,
          posterUrl: 'http://p/t03.png',
          resource: 'DEMOTV-MOVIES',
          channelResource: 'DEMOTV-MOVIES',
          streamUrl: 'http://media/t03/index.m3u8',
        },
      ],
    },
    {
      id: 'kids',
      title: 'Kids',
      items: [
        {
          id: 't04',
          title: 'Pixel & Pip',
          description: 'A robot.',
          rating: 'TV-Y',
          year: 2025,
          posterUrl: 'http://p/t04.png',
          resource: 'DEMOTV-KIDS',
          channelResource: 'DEMOTV-KIDS',
          streamUrl: 'http://media/t04/index.m3u8',
        },
      ],
    },
  ],
};
