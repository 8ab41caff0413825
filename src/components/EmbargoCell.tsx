'use client'

import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

import { useEmbargoText } from './EmbargoState'

/** The stories list's embargo column: held back until when, lifted, or none. */
export const EmbargoCell = ({ cellData }: DefaultCellComponentProps) => (
  <span>{useEmbargoText(cellData)}</span>
)
